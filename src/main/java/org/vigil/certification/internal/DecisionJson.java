package org.vigil.certification.internal;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.vigil.certification.Decision;
import org.vigil.certification.EvidenceRef;
import org.vigil.certification.ReasonCode;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * A decision's reasons and evidence as the {@code jsonb} the decision table keeps. Absent values
 * are left out rather than written as null, so equal decisions give equal documents and a re-run
 * finds nothing to change.
 */
final class DecisionJson {

    private static final JsonMapper JSON = JsonMapper.shared();

    private DecisionJson() {
    }

    static String reasons(List<Decision.Reason> reasons) {
        List<Map<String, Object>> out = new ArrayList<>(reasons.size());
        for (Decision.Reason r : reasons) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("code", r.code().name());
            if (r.evidenceKind() != null) {
                m.put("evidenceKind", r.evidenceKind());
            }
            if (r.date() != null) {
                m.put("date", r.date().toString());
            }
            out.add(m);
        }
        return JSON.writeValueAsString(out);
    }

    static String evidence(List<EvidenceRef> refs) {
        List<Map<String, Object>> out = new ArrayList<>(refs.size());
        for (EvidenceRef ref : refs) {
            out.add(ref(ref));
        }
        return JSON.writeValueAsString(out);
    }

    static String evidence(EvidenceRef ref) {
        return JSON.writeValueAsString(ref(ref));
    }

    private static Map<String, Object> ref(EvidenceRef ref) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("source", ref.source());
        m.put("feed", ref.feed());
        m.put("document", ref.document());
        m.put("row", ref.row());
        return m;
    }

    static List<Decision.Reason> readReasons(String json) {
        List<Decision.Reason> out = new ArrayList<>();
        for (JsonNode n : JSON.readTree(json)) {
            JsonNode kind = n.get("evidenceKind");
            JsonNode date = n.get("date");
            out.add(new Decision.Reason(ReasonCode.valueOf(n.get("code").asString()),
                    kind == null || kind.isNull() ? null : kind.asString(),
                    date == null || date.isNull() ? null : LocalDate.parse(date.asString())));
        }
        return out;
    }

    static List<EvidenceRef> readEvidence(String json) {
        List<EvidenceRef> out = new ArrayList<>();
        for (JsonNode n : JSON.readTree(json)) {
            out.add(new EvidenceRef(n.get("source").asString(), n.get("feed").asString(), n.get("document").asLong(),
                    n.get("row").asLong()));
        }
        return out;
    }
}

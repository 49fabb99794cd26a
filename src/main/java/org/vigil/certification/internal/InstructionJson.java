package org.vigil.certification.internal;

import java.time.YearMonth;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.vigil.certification.MonthlyAmount;
import org.vigil.certification.SuspensionBreaker;
import org.vigil.identity.Money;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** Amounts by month and the breaker's trips as the {@code jsonb} the batch tables keep. */
final class InstructionJson {

    private static final JsonMapper JSON = JsonMapper.shared();

    private InstructionJson() {
    }

    static String months(List<MonthlyAmount> amounts) {
        List<Map<String, Object>> out = new ArrayList<>(amounts.size());
        for (MonthlyAmount a : amounts) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("month", a.month().toString());
            // text, so no reader of the document meets the amount as a binary fraction
            m.put("amount", a.amount().toString());
            out.add(m);
        }
        return JSON.writeValueAsString(out);
    }

    static List<MonthlyAmount> readMonths(String json) {
        List<MonthlyAmount> out = new ArrayList<>();
        for (JsonNode n : JSON.readTree(json)) {
            out.add(new MonthlyAmount(YearMonth.parse(n.get("month").asString()),
                    Money.parse(n.get("amount").asString()).orElseThrow()));
        }
        return out;
    }

    static String trips(List<SuspensionBreaker.Trip> trips) {
        List<Map<String, Object>> out = new ArrayList<>(trips.size());
        for (SuspensionBreaker.Trip t : trips) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("rule", t.rule());
            m.put("chinese", t.chinese());
            m.put("english", t.english());
            out.add(m);
        }
        return JSON.writeValueAsString(out);
    }

    static List<SuspensionBreaker.Trip> readTrips(String json) {
        List<SuspensionBreaker.Trip> out = new ArrayList<>();
        for (JsonNode n : JSON.readTree(json)) {
            out.add(new SuspensionBreaker.Trip(n.get("rule").asString(), n.get("chinese").asString(),
                    n.get("english").asString()));
        }
        return out;
    }
}

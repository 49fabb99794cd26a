package org.vigil.cli;

import java.io.PrintWriter;
import java.time.Clock;
import java.time.YearMonth;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;

import org.springframework.context.ApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.vigil.certification.CertificationLists;
import org.vigil.certification.Decision;
import org.vigil.certification.Evidence;
import org.vigil.certification.EvidenceRef;
import org.vigil.certification.Explanation;
import org.vigil.certification.Jurisdiction;
import org.vigil.certification.ReasonWords;
import org.vigil.certification.RecordedDecision;
import org.vigil.certification.VerificationTask;
import org.vigil.governance.Allowed;
import org.vigil.governance.Permission;
import org.vigil.identity.Parsed;
import org.vigil.identity.PersonName;
import org.vigil.identity.Region;
import org.vigil.identity.RegionCode;
import org.vigil.identity.RegionDirectory;
import org.vigil.identity.ResidentId;
import org.vigil.registry.CommunityDirectory;

import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/**
 * Why a person is on the list they are on in a month (CERT-19): for each of their benefits the
 * list, every reason in Chinese and English with the article of the city's measures it rests on,
 * the evidence with the provider, feed, delivery and row it came from, and the period's end and
 * ledger bucket; then all the evidence the departments had delivered by the as-of date.
 */
@Allowed(Permission.CERTIFICATION_VIEW)
@Command(name = "explain", mixinStandardHelpOptions = true,
        description = "Explain a person's certification decisions of a month: list, reasons, evidence and period.")
final class ExplainCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Option(names = "--person", required = true, paramLabel = "ID", description = "The person's ID number.")
    String person;

    @Option(names = "--month", required = true, paramLabel = "yyyy-MM", description = "The verified month.")
    YearMonth month;

    @Override
    public Integer call() {
        try (ConfigurableApplicationContext context = ServerLifecycle.startWithoutWeb()) {
            return execute(context);
        }
    }

    int execute(ApplicationContext context) {
        Parsed<ResidentId> id = ResidentId.parse(person, context.getBean(Clock.class));
        if (!id.isValid()) {
            throw new ParameterException(spec.commandLine(), "--person is not a valid ID number: "
                    + id.problem().orElseThrow().message());
        }
        CertificationLists lists = context.getBean(CertificationLists.class);
        if (lists.run(month).isEmpty()) {
            throw new IllegalStateException("month " + month + " has not been verified; run: vigil verify --month " + month);
        }
        Explanation e = lists.explain(id.orElseThrow().value(), month).orElseThrow(() -> new IllegalStateException(
                "no decision about " + id.orElseThrow().masked() + " in " + month + ": not a benefit recipient then"));
        RegionDirectory regions = RegionDirectory.standard()
                .withDivisions(context.getBean(CommunityDirectory.class).communities());
        PrintWriter out = spec.commandLine().getOut();
        print(out, e, regions);
        out.flush();
        return 0;
    }

    static void print(PrintWriter out, Explanation e, RegionDirectory regions) {
        RecordedDecision first = e.decisions().get(0);
        out.printf(Locale.ROOT, "%s %s — %s (核验基准日 as of %s, 政策版本 policy %s)%n", e.idNumber(), masked(first.name()),
                e.month(), e.asOf(), e.policy().version());
        for (RecordedDecision r : e.decisions()) {
            Decision d = r.decision();
            out.println();
            out.printf(Locale.ROOT, "%s %s%s (recipient %d), ¥%,.2f a month%n", r.benefit().chinese(), r.benefit().name(),
                    r.relation() == null ? "" : " · " + r.relation().chinese(), r.recipientId(), r.monthlyAmount().yuan());
            out.printf(Locale.ROOT, "  名单 list:            %s %s%s%n", d.status().chinese(), ReasonWords.english(d.status()),
                    d.investigate() ? " — 需调查 to investigate" : "");
            out.println("  原因 reasons:");
            int n = 1;
            for (Decision.Reason reason : d.reasons()) {
                out.printf(Locale.ROOT, "    %d. %s / %s — %s%s%n", n++, reason.code().chinese(),
                        ReasonWords.english(reason.code()), reason.code().article(), evidenceOf(reason, e));
            }
            if (d.lossFrom() != null) {
                out.println("  丧失资格日期 loss from:  " + d.lossFrom());
            }
            if (d.certifiedOn() != null) {
                out.println("  本次认证 certified on:   " + d.certifiedOn());
            }
            out.println("  认证期满 period end:     " + (d.periodEnd() == null ? "— (no period)" : d.periodEnd()));
            out.println("  到期提醒 bucket:         " + (d.bucket() == null ? "—"
                    : d.bucket().chinese() + " / " + ReasonWords.english(d.bucket())));
            e.failure(r.recipientId()).ifPresent(f -> {
                out.println("  认证不通过 failed:       " + f.reason());
                out.println("                           " + f.reasonEnglish());
            });
            out.println("  证据 evidence used:" + (d.evidence().isEmpty() ? " none" : ""));
            for (EvidenceRef ref : d.evidence()) {
                out.println("    " + describe(ref, e));
            }
            out.println("  列入 listed under:       " + where(r.jurisdiction(), regions));
        }
        out.println();
        out.printf(Locale.ROOT, "Evidence known on %s (%d):%n", e.asOf(), e.evidenceKnown().size());
        for (Evidence ev : e.evidenceKnown()) {
            out.printf(Locale.ROOT, "  %s%s  %s %s  %s%s%n", ev.date(), ev.endDate() == null ? "" : " – " + ev.endDate(),
                    ev.kind(), e.title(ev.kind()), refText(ev.ref()),
                    e.policy().rule(ev.kind()).isPresent() ? "" : "  (not in the policy: not weighed)");
        }
        if (!e.verifications().isEmpty()) {
            out.println();
            out.printf(Locale.ROOT, "Verification tasks up to %s (%d):%n", e.month(), e.verifications().size());
            for (VerificationTask t : e.verifications()) {
                out.printf(Locale.ROOT, "  task %d (%s, recipient %d): %s %s%s%n", t.id(), t.month(), t.recipientId(),
                        t.status().chinese(), t.status().name(), t.assignedTo() == null ? "" : ", assigned to " + t.assignedTo());
                if (t.result() != null) {
                    out.printf(Locale.ROOT, "    %s %s by %s %s on %s, recorded by %s%s%s%n", t.result().chinese(),
                            t.result().name(), t.method().chinese(), t.method().name(), t.verifiedOn(), t.recordedBy(),
                            t.note() == null ? "" : "; note: " + t.note(),
                            t.attachments().isEmpty() ? "" : "; " + t.attachments().size() + " attachment(s)");
                }
            }
        }
    }

    private static String evidenceOf(Decision.Reason reason, Explanation e) {
        if (reason.evidenceKind() == null) {
            return "";
        }
        return "; " + e.title(reason.evidenceKind()) + " (" + reason.evidenceKind() + ")"
                + (reason.date() == null ? "" : " on " + reason.date());
    }

    private static String describe(EvidenceRef ref, Explanation e) {
        List<Evidence> known = e.evidenceKnown().stream().filter(ev -> ev.ref().equals(ref)).toList();
        String what = known.isEmpty() ? "" : "  " + known.get(0).kind() + " " + e.title(known.get(0).kind()) + " "
                + known.get(0).date();
        return refText(ref) + what;
    }

    private static String refText(EvidenceRef ref) {
        if (ref.isVerification()) {
            return String.format(Locale.ROOT, "verification task %d (%s)", ref.document(), ref.feed());
        }
        return String.format(Locale.ROOT, "provider %s, feed %s, delivery %d, row %d", ref.source(), ref.feed(),
                ref.document(), ref.row());
    }

    private static String where(Jurisdiction j, RegionDirectory regions) {
        StringBuilder s = new StringBuilder(name(j.district(), regions));
        if (j.street() != null) {
            s.append(" / ").append(name(j.street(), regions));
        }
        if (j.community() != null) {
            s.append(" / ").append(name(j.community(), regions));
        }
        s.append(" (").append(j.basis().chinese()).append(", ").append(j.organisedBy().chinese()).append(" 组织认证");
        if (j.employerCreditCode() != null) {
            s.append(' ').append(j.employerCreditCode());
        }
        return s.append(')').toString();
    }

    private static String name(String code, RegionDirectory regions) {
        return code + RegionCode.parse(code).toOptional().flatMap(regions::find).map(Region::name).map(n -> " " + n)
                .orElse("");
    }

    private static String masked(String name) {
        return PersonName.parse(name).toOptional().map(PersonName::masked).orElse("*");
    }
}

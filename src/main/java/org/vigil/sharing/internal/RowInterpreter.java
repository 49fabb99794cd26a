package org.vigil.sharing.internal;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.vigil.identity.CreditCode;
import org.vigil.identity.EmailAddress;
import org.vigil.identity.Gender;
import org.vigil.identity.IdKeys;
import org.vigil.identity.OrganizationCode;
import org.vigil.identity.Parsed;
import org.vigil.identity.PersonName;
import org.vigil.identity.PhoneNumber;
import org.vigil.identity.RegionCode;
import org.vigil.identity.Rejection;
import org.vigil.identity.ResidentId;
import org.vigil.sharing.catalogue.CellParser;
import org.vigil.sharing.catalogue.CellParsers;
import org.vigil.sharing.catalogue.ColumnDefinition;
import org.vigil.sharing.catalogue.ColumnRole;
import org.vigil.sharing.catalogue.ColumnType;
import org.vigil.sharing.catalogue.FactKind;
import org.vigil.sharing.catalogue.FeedDefinition;
import org.vigil.sharing.catalogue.ImageData;
import org.vigil.sharing.catalogue.ResolvedHeader;
import org.vigil.sharing.reading.RowView;

/**
 * Decides what one data row of a delivery is: a fact, a life sign, a row to reject (with every
 * defective cell), a row for the review queue, or a row the SHARE-4 age filter leaves out. Pure
 * apart from the person lookup; one instance serves every reading thread.
 *
 * <p>Rules, in order: a blank required cell or an unreadable value in a column that decides
 * something rejects the row; in a descriptive column the value is dropped and reported, and the
 * row stands. A row whose ID cell is blank (where the feed allows it) goes to review. The age
 * filter, where the provider has it, leaves out men under 60 and women under 50 on the event date.
 */
final class RowInterpreter {

    /** A reason code of the pipeline's own, beside the kernel's and the catalogue's. */
    static final String MISSING = "MISSING_VALUE";
    static final String NO_EVENT_DATE = "NO_EVENT_DATE";
    static final int SHARE4_MEN_FROM = 60;
    static final int SHARE4_WOMEN_FROM = 50;

    private final FeedDefinition feed;
    private final LocalDate asOf;
    private final boolean ageFilter;
    private final PersonLookup persons;
    private final Column[] columns;
    private final Column subjectId;
    private final Column subjectName;
    private final Column subjectGender;
    private final Column subjectBirth;
    private final Column subjectRegion;
    private final Column eventDate;
    private final Column eventPeriod;
    private final Column eventEnd;
    private final Column eventKind;
    private final int requiredPresent;

    /** A catalogue column found in the file. */
    private record Column(int pos, ColumnDefinition definition, int index, String header, CellParser<?> parser, boolean deciding,
            boolean parsed) {
    }

    RowInterpreter(FeedDefinition feed, ResolvedHeader resolved, List<String> fileHeader, LocalDate asOf,
            boolean ageFilter, PersonLookup persons) {
        this.feed = feed;
        this.asOf = asOf;
        this.ageFilter = ageFilter;
        this.persons = persons;
        List<Column> present = new ArrayList<>();
        int required = 0;
        for (ColumnDefinition c : feed.columns()) {
            int index = resolved.indexOf(c.key());
            if (index < 0) {
                continue;
            }
            boolean deciding = c.role() != ColumnRole.NONE || c.required();
            present.add(new Column(present.size(), c, index, fileHeader.get(index), CellParsers.forColumn(c, asOf), deciding,
                    !foldsToLifeSigns(feed) || SIGN_ROLES.contains(c.role())));
            if (c.required() && !c.blankAllowed()) {
                required++;
            }
        }
        this.columns = present.toArray(Column[]::new);
        this.requiredPresent = required;
        this.subjectId = role(ColumnRole.SUBJECT_ID);
        this.subjectName = role(ColumnRole.SUBJECT_NAME);
        this.subjectGender = role(ColumnRole.SUBJECT_GENDER);
        this.subjectBirth = role(ColumnRole.SUBJECT_BIRTH_DATE);
        this.subjectRegion = role(ColumnRole.SUBJECT_REGION);
        this.eventDate = role(ColumnRole.EVENT_DATE);
        this.eventPeriod = role(ColumnRole.EVENT_PERIOD);
        this.eventEnd = role(ColumnRole.EVENT_END_DATE);
        this.eventKind = role(ColumnRole.EVENT_KIND);
    }

    /**
     * A proof-of-life row keeps only whose sign it is and when: its other values are not stored,
     * so they are not read either (their cells are still checked for being filled where they
     * must be). This is most of the cost of the largest files (docs/performance.md).
     */
    private static final java.util.Set<ColumnRole> SIGN_ROLES = java.util.EnumSet.of(ColumnRole.SUBJECT_ID,
            ColumnRole.EVENT_DATE, ColumnRole.EVENT_PERIOD);

    /**
     * What a fact does not keep of its row (DATA-15): names, phones, e-mails and addresses. Nothing
     * reads them from a fact (the evidence uses dates, kinds and the persons' numbers), and the
     * stored raw file still shows what the department wrote; sealing them would cost a seal a
     * value on the way in for values nobody opens.
     */
    static final java.util.Set<ColumnType> NOT_STORED = java.util.EnumSet.of(ColumnType.NAME, ColumnType.PHONE,
            ColumnType.EMAIL, ColumnType.ADDRESS);

    private static boolean foldsToLifeSigns(FeedDefinition feed) {
        return feed.fact() == FactKind.LIFE_SIGN;
    }

    FeedDefinition feed() {
        return feed;
    }

    int requiredColumnsPresent() {
        return requiredPresent;
    }

    /** A cell the catalogue requires to be filled: its column is required and may not be left blank. */
    private static boolean mustBeFilled(Column c) {
        return c.definition().required() && !c.definition().blankAllowed();
    }

    private Column role(ColumnRole role) {
        for (Column c : columns) {
            if (c.definition().role() == role) {
                return c;
            }
        }
        return null;
    }

    /** Interprets one row into the thread's result. */
    void interpret(RowView row, SinkResult out) {
        long number = row.row();
        Object[] values = new Object[columns.length];
        boolean rejected = false;
        boolean idBlank = false;
        int filled = 0;
        List<RejectLine> lines = null;
        for (int i = 0; i < columns.length; i++) {
            Column c = columns[i];
            CharSequence raw = row.cell(c.index());
            boolean blank = raw.length() == 0;
            if (mustBeFilled(c) && !blank) {
                filled++;
            }
            if (blank) {
                if (c == subjectId && c.definition().blankAllowed()) {
                    idBlank = true;
                }
                else if (c.definition().required() && !c.definition().blankAllowed()) {
                    lines = add(lines, new RejectLine(number, c.header(), "", MISSING, "必填项为空 / required value is empty", true));
                    rejected = true;
                }
                continue;
            }
            if (!c.parsed()) {
                continue;
            }
            Parsed<?> parsed = c.parser().parse(raw);
            if (parsed instanceof Parsed.Valid<?> valid) {
                values[i] = valid.value();
            }
            else {
                Rejection why = parsed.problem().orElseThrow();
                boolean decides = c.deciding();
                lines = add(lines, new RejectLine(number, c.header(), raw.toString(), why.code(),
                        why.messageChinese() + " / " + why.message(), decides));
                rejected |= decides;
            }
        }
        out.cells(requiredPresent, filled);
        long hash = hash(row);
        if (rejected) {
            out.rejected(number, hash, lines);
            return;
        }
        FactKind kind = feed.fact();
        if (kind.isPerRow() && eventKind != null) {
            Object k = value(values, eventKind);
            if (k == null) {
                out.rejected(number, hash, add(lines, new RejectLine(number, eventKind.header(), "", MISSING,
                        "缺少事件类别 / the kind of event is missing", true)));
                return;
            }
            kind = feed.factOf((String) k);
        }
        LocalDate date = eventDate(values);
        if (idBlank) {
            out.review(number, hash, lines, new ReviewRow(number, kind, text(values, subjectName),
                    (Gender) value(values, subjectGender), (LocalDate) value(values, subjectBirth),
                    regionText(values), date));
            return;
        }
        ResidentId id = (ResidentId) value(values, subjectId);
        if (ageFilter && id != null) {
            LocalDate on = date != null ? date : asOf;
            int minimum = id.gender() == Gender.MALE ? SHARE4_MEN_FROM : SHARE4_WOMEN_FROM;
            if (id.ageOn(on) < minimum) {
                out.ageFiltered(number, hash, lines);
                return;
            }
        }
        if (kind == FactKind.LIFE_SIGN) {
            if (date == null || id == null) {
                out.rejected(number, hash, add(lines, new RejectLine(number, eventDate != null ? eventDate.header() : "",
                        "", NO_EVENT_DATE, "生存迹象缺少日期或身份证号 / a life sign needs a date and an ID", true)));
                return;
            }
            // linked by the sink, a block of rows at a time
            out.lifeSign(number, hash, lines, id, date);
            return;
        }
        boolean linked = id != null && persons.contains(id);
        Map<String, String> attributes = new LinkedHashMap<>();
        Map<String, Long> otherIds = Map.of();
        for (int i = 0; i < columns.length; i++) {
            Column c = columns[i];
            if (values[i] == null || c == subjectId) {
                continue;
            }
            if (values[i] instanceof ResidentId other) {
                // stored as the other person's vault number once written (DATA-15)
                if (otherIds.isEmpty()) {
                    otherIds = new LinkedHashMap<>();
                }
                otherIds.put(c.definition().key(), IdKeys.of(other));
            }
            else if (!NOT_STORED.contains(c.definition().type())) {
                attributes.put(c.definition().key(), text(values[i]));
            }
        }
        LocalDate end = (LocalDate) value(values, eventEnd);
        out.fact(number, hash, lines, new FactRow(number, kind, id == null ? 0 : IdKeys.of(id), linked, date, end,
                attributes, otherIds), linked);
    }

    private LocalDate eventDate(Object[] values) {
        Object date = value(values, eventDate);
        if (date instanceof LocalDate d) {
            return d;
        }
        if (date instanceof LocalDateTime t) {
            return t.toLocalDate();
        }
        Object period = value(values, eventPeriod);
        if (period instanceof YearMonth m) {
            return m.atEndOfMonth();
        }
        return null;
    }

    private String regionText(Object[] values) {
        Object region = value(values, subjectRegion);
        return region instanceof RegionCode r ? r.value() : null;
    }

    private Object value(Object[] values, Column column) {
        return column == null ? null : values[column.pos()];
    }

    private String text(Object[] values, Column column) {
        Object v = value(values, column);
        return v == null ? null : text(v);
    }

    /** The value as stored in a fact's attributes: the normalised form, never a masked one. */
    static String text(Object value) {
        if (value instanceof ResidentId id) {
            return id.value();
        }
        if (value instanceof PersonName name) {
            return name.value();
        }
        if (value instanceof Gender gender) {
            return gender.code();
        }
        if (value instanceof RegionCode region) {
            return region.value();
        }
        if (value instanceof CreditCode code) {
            return code.value();
        }
        if (value instanceof OrganizationCode code) {
            return code.value();
        }
        if (value instanceof PhoneNumber phone) {
            return phone.value();
        }
        if (value instanceof EmailAddress email) {
            return email.value();
        }
        if (value instanceof ImageData image) {
            return image.format() + ":" + image.size();
        }
        return value.toString();
    }

    private static List<RejectLine> add(List<RejectLine> lines, RejectLine line) {
        List<RejectLine> l = lines == null ? new ArrayList<>(2) : lines;
        l.add(line);
        return l;
    }

    /** A 64-bit hash of every cell of the row, for finding exact repeats. */
    static long hash(RowView row) {
        long h = 0xCBF29CE484222325L;
        int n = row.size();
        for (int i = 0; i < n; i++) {
            CharSequence cell = row.cell(i);
            for (int j = 0, len = cell.length(); j < len; j++) {
                h = (h ^ cell.charAt(j)) * 0x100000001B3L;
            }
            h = (h ^ 0x1F) * 0x100000001B3L;
        }
        h ^= h >>> 33;
        h *= 0xFF51AFD7ED558CCDL;
        h ^= h >>> 33;
        h *= 0xC4CEB9FE1A85EC53L;
        h ^= h >>> 33;
        return h;
    }
}

package org.vigil.registry.web;

import java.time.Instant;
import java.util.List;

import org.vigil.governance.StaffRole;
import org.vigil.registry.change.ChangeField;
import org.vigil.registry.change.ChangeItem;
import org.vigil.registry.change.ChangeRequest;
import org.vigil.registry.change.ChangeStep;
import org.vigil.registry.change.CrossCheck;
import org.vigil.registry.change.EmployerRecord;
import org.vigil.registry.change.FieldChange;
import org.vigil.registry.change.PersonRecord;
import org.vigil.registry.change.RecordVersion;

/**
 * What the registry's API answers. Every value of a person's field goes through
 * {@link ChangeField#masked}: an ID number, name, birth date, address, phone or e-mail never leaves
 * in full here; seeing one in full is a purpose-stated, audited act of its own (DATA-9).
 */
final class Views {

    private Views() {
    }

    record StepView(String by, String role, String roleChinese, Instant at) {

        static StepView of(ChangeStep s) {
            if (s == null) {
                return null;
            }
            StaffRole role = s.role();
            return new StepView(s.by(), role.name(), role.chinese(), s.at());
        }
    }

    record CheckView(String department, String departmentChinese, String reference) {

        static CheckView of(CrossCheck c) {
            return c == null ? null : new CheckView(c.department().name(), c.department().chinese(), c.reference());
        }
    }

    record ItemView(long recordId, String field, String fieldChinese, String level, String oldValue, String newValue) {

        static ItemView of(ChangeItem i) {
            ChangeField f = i.field();
            return new ItemView(i.recordId(), f.name(), f.chinese(), f.level().name(), f.masked(i.oldValue()),
                    f.masked(i.newValue()));
        }
    }

    record ChangeRequestView(long id, String kind, String status, String statusChinese, String level,
            String levelChinese, boolean batch, boolean immediate, String reason, int records, List<ItemView> items,
            StepView applied, StepView approved, CheckView crossCheck, StepView modified, StepView reviewed,
            String reviewNote, StepView rejected, String rejectedFrom, String rejectionReason) {

        static ChangeRequestView of(ChangeRequest r) {
            return new ChangeRequestView(r.id(), r.kind().name(), r.status().name(), r.status().chinese(),
                    r.level().name(), r.level().chinese(), r.batch(), r.immediate(), r.reason(), r.records(),
                    r.items().stream().map(ItemView::of).toList(), StepView.of(r.applied()), StepView.of(r.approved()),
                    CheckView.of(r.crossCheck()), StepView.of(r.modified()), StepView.of(r.reviewed()), r.reviewNote(),
                    StepView.of(r.rejected()), r.rejectedFrom() == null ? null : r.rejectedFrom().name(),
                    r.rejectionReason());
        }
    }

    record FieldView(String field, String kind, String chinese, String level, String levelChinese,
            String checkedBy, String checkedByChinese, boolean clearable) {

        static FieldView of(ChangeField f) {
            return new FieldView(f.name(), f.kind().name(), f.chinese(), f.level().name(), f.level().chinese(),
                    f.checkedBy().map(Enum::name).orElse(null), f.checkedBy().map(d -> d.chinese()).orElse(null),
                    f.clearable());
        }
    }

    record PersonView(long id, int version, Instant validFrom, String idNumber, String name, String gender,
            String birthDate, String regionCode, String address, String phone, String email) {

        static PersonView of(PersonRecord p) {
            return new PersonView(p.id(), p.version(), p.validFrom(), masked(p, ChangeField.PERSON_ID_NUMBER),
                    masked(p, ChangeField.PERSON_NAME), p.value(ChangeField.PERSON_GENDER),
                    masked(p, ChangeField.PERSON_BIRTH_DATE), p.regionCode(), masked(p, ChangeField.PERSON_ADDRESS),
                    masked(p, ChangeField.PERSON_PHONE), masked(p, ChangeField.PERSON_EMAIL));
        }

        private static String masked(PersonRecord p, ChangeField f) {
            return f.masked(p.value(f));
        }
    }

    /** An employer's data is an organisation's, public on its business licence: shown in full. */
    record EmployerView(long id, int version, Instant validFrom, String creditCode, String name, String regionCode,
            String registeredOn) {

        static EmployerView of(EmployerRecord e) {
            return new EmployerView(e.id(), e.version(), e.validFrom(), e.creditCode(), e.name(), e.regionCode(),
                    e.registeredOn() == null ? null : e.registeredOn().toString());
        }
    }

    record FieldChangeView(String field, String fieldChinese, String oldValue, String newValue) {

        static FieldChangeView of(FieldChange c) {
            return new FieldChangeView(c.field().name(), c.field().chinese(), c.field().masked(c.oldValue()),
                    c.field().masked(c.newValue()));
        }
    }

    record VersionView(int version, Instant validFrom, String recordedBy, String reason, Long changeRequestId,
            List<FieldChangeView> changes) {

        static VersionView of(RecordVersion v) {
            return new VersionView(v.version(), v.validFrom(), v.recordedBy(), v.reason(), v.changeRequestId(),
                    v.changes().stream().map(FieldChangeView::of).toList());
        }
    }

    /** The internal id a look-up found, and the record masked, so the clerk sees they have the right one. */
    record FoundView(long id, PersonView person) {
    }
}

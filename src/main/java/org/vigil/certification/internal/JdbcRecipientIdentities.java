package org.vigil.certification.internal;

import java.util.List;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.vigil.certification.RecipientIdentities;
import org.vigil.certification.RecipientIdentity;
import org.vigil.governance.StaffPrincipal;
import org.vigil.governance.disclosure.Disclosure;
import org.vigil.governance.disclosure.Disclosures;
import org.vigil.governance.disclosure.Purpose;
import org.vigil.registry.PersonContacts;

/**
 * Reads one recipient's identity and has governance allow and record the disclosure in the same
 * transaction, so the data is handed out only when its record commits.
 */
@Service
class JdbcRecipientIdentities implements RecipientIdentities {

    private final JdbcClient jdbc;
    private final PersonContacts contacts;
    private final Disclosures disclosures;
    private final Persons persons;

    JdbcRecipientIdentities(JdbcClient jdbc, PersonContacts contacts, Disclosures disclosures, Persons persons) {
        this.jdbc = jdbc;
        this.persons = persons;
        this.contacts = contacts;
        this.disclosures = disclosures;
    }

    private record Row(String idNumber, String name) {
    }

    @Override
    @Transactional
    public Optional<RecipientIdentity> reveal(StaffPrincipal who, long recipientId, Purpose why, String note) {
        String subject = "recipient:" + recipientId;
        Optional<Row> row = persons.open(jdbc.sql("select person, name_sealed from certification.recipient where id = :id")
                .param("id", recipientId).query((rs, n) -> new Persons.Pending<Row>(rs.getLong("person"),
                        rs.getBytes("name_sealed"), Row::new)).list()).stream().findFirst();
        if (row.isEmpty()) {
            // asking for recipients that do not exist is how an enumeration starts: the watch sees it
            disclosures.lookedUp(who, subject);
            return Optional.empty();
        }
        String phone = contacts.phones(List.of(row.get().idNumber())).get(row.get().idNumber());
        // last: the disclosure's audit event holds the chain's lock until this transaction ends
        Disclosure d = disclosures.reveal(who, subject, why, note);
        return Optional.of(new RecipientIdentity(recipientId, row.get().idNumber(), row.get().name(), phone, d));
    }
}

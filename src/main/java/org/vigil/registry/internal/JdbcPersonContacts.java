package org.vigil.registry.internal;

import java.sql.Array;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.springframework.jdbc.core.ConnectionCallback;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.vigil.registry.PersonContacts;

/**
 * Phone numbers from {@code registry.person}, asked for in blocks so one statement never carries too
 * many persons, and opened only for the persons asked about (DATA-15).
 */
@Service
class JdbcPersonContacts implements PersonContacts {

    static final int BLOCK = 1000;

    private final JdbcTemplate jdbc;
    private final PersonalValues personal;

    JdbcPersonContacts(JdbcTemplate jdbc, PersonalValues personal) {
        this.jdbc = jdbc;
        this.personal = personal;
    }

    @Override
    public Map<String, String> phones(Collection<String> idNumbers) {
        // an ID the vault never saw is nobody the registry knows: looked up without recording it
        Map<Long, String> idOf = new HashMap<>();
        for (String id : idNumbers) {
            Optional<Long> number = personal.find(id);
            number.ifPresent(n -> idOf.put(n, id));
        }
        Map<String, String> phones = new HashMap<>();
        phonesOfPersons(idOf.keySet()).forEach((n, phone) -> phones.put(idOf.get(n), phone));
        return phones;
    }

    @Override
    public Map<Long, String> phonesOfPersons(Collection<Long> personNumbers) {
        Map<Long, String> phones = new HashMap<>();
        List<Long> numbers = new ArrayList<>(personNumbers.stream().distinct().toList());
        for (int from = 0; from < numbers.size(); from += BLOCK) {
            Long[] block = numbers.subList(from, Math.min(numbers.size(), from + BLOCK)).toArray(Long[]::new);
            jdbc.execute((ConnectionCallback<Void>) c -> {
                try (PreparedStatement s = c.prepareStatement(
                        "select person, phone from registry.person where person = any(?) and phone is not null")) {
                    Array asked = c.createArrayOf("bigint", block);
                    s.setArray(1, asked);
                    try (ResultSet rs = s.executeQuery()) {
                        while (rs.next()) {
                            long person = rs.getLong(1);
                            String phone = personal.open(PersonalValues.PERSON_PHONE, person, rs.getBytes(2));
                            if (!phone.isBlank()) {
                                phones.put(person, phone.strip());
                            }
                        }
                    }
                }
                return null;
            });
        }
        return phones;
    }
}

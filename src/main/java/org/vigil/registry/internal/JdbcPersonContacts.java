package org.vigil.registry.internal;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.vigil.registry.PersonContacts;

/** Phone numbers from {@code registry.person}, asked for in blocks so one statement never carries too many IDs. */
@Service
class JdbcPersonContacts implements PersonContacts {

    static final int BLOCK = 1000;

    private final JdbcClient jdbc;

    JdbcPersonContacts(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public Map<String, String> phones(Collection<String> idNumbers) {
        Map<String, String> phones = new HashMap<>();
        List<String> ids = new ArrayList<>(idNumbers.stream().distinct().toList());
        for (int from = 0; from < ids.size(); from += BLOCK) {
            jdbc.sql("""
                            select id_number, phone from registry.person
                             where id_number in (:ids) and phone is not null and btrim(phone) <> ''""")
                    .param("ids", ids.subList(from, Math.min(ids.size(), from + BLOCK)))
                    .query(rs -> {
                        phones.put(rs.getString(1), rs.getString(2).strip());
                    });
        }
        return phones;
    }
}

package org.vigil.runtime.internal;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The database part of a PostgreSQL JDBC URL ({@code jdbc:postgresql://host[:port][,host…]/database?params}),
 * read and replaced without touching the hosts or the parameters, so that another database of the
 * same server is reached with the same TLS and failover settings.
 */
final class JdbcUrls {

    private static final Pattern URL = Pattern.compile("^(jdbc:postgresql://[^/?]*/)([^?]*)(\\?.*)?$");

    private JdbcUrls() {
    }

    /** The database a URL names. */
    static String database(String url) {
        Matcher m = match(url);
        String db = java.net.URLDecoder.decode(m.group(2), java.nio.charset.StandardCharsets.UTF_8);
        if (db.isEmpty()) {
            throw new IllegalArgumentException("the JDBC URL names no database");
        }
        return db;
    }

    /** The same URL naming another database. */
    static String withDatabase(String url, String database) {
        Matcher m = match(url);
        String encoded = java.net.URLEncoder.encode(database, java.nio.charset.StandardCharsets.UTF_8);
        return m.group(1) + encoded + (m.group(3) == null ? "" : m.group(3));
    }

    private static Matcher match(String url) {
        Matcher m = URL.matcher(url == null ? "" : url);
        if (!m.matches()) {
            // the URL may carry a password, so it is not repeated in the message
            throw new IllegalArgumentException("not a PostgreSQL JDBC URL of the form jdbc:postgresql://host[:port]/database");
        }
        return m;
    }
}

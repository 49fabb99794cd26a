package org.vigil.governance;

import java.io.IOException;
import java.net.CookieManager;
import java.net.CookiePolicy;
import java.net.HttpCookie;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.concurrent.atomic.AtomicInteger;

import org.springframework.context.ApplicationContext;
import org.vigil.identity.RegionCode;
import org.vigil.identity.ResidentId;

/**
 * A staff member logged in over real HTTP, as the console does it: an account opened in the
 * directory, the CSRF cookie fetched, password and the authenticator's code posted, and from then
 * on the session cookie and the CSRF header on every call.
 */
public final class HttpStaffSession {

    private static final AtomicInteger SERIAL = new AtomicInteger();
    private static final String PASSWORD = "Song-hua-jiang-26!";

    private final HttpClient client;
    private final CookieManager cookies;
    private final String base;

    private HttpStaffSession(HttpClient client, CookieManager cookies, String base) {
        this.client = client;
        this.cookies = cookies;
        this.base = base;
    }

    /** A city officer logged in to the server on that port. */
    public static HttpStaffSession cityOfficer(ApplicationContext context, int port) {
        int n = SERIAL.incrementAndGet();
        String username = "http.officer." + n + "." + ProcessHandle.current().pid();
        String first17 = "220200" + "1976" + "0909" + String.format("%03d", n % 1000);
        ResidentId person = ResidentId.parse(first17 + ResidentId.checkDigit(first17), LocalDate.of(2026, 12, 2))
                .orElseThrow();
        StaffDirectory.OpenedAccount opened = context.getBean(StaffDirectory.class).open(new NewStaffAccount(username,
                "接口测试", person, StaffRole.CITY_OFFICER, RegionCode.parse("220200").orElseThrow(), null, SignedAgreements.SIGNED),
                PASSWORD.toCharArray(), "security.admin");
        CookieManager cookies = new CookieManager(null, CookiePolicy.ACCEPT_ALL);
        HttpClient client = HttpClient.newBuilder().cookieHandler(cookies).build();
        HttpStaffSession session = new HttpStaffSession(client, cookies, "http://localhost:" + port);
        session.send(HttpRequest.newBuilder(session.uri("/api/session")).GET());
        HttpResponse<String> in = session.send(session.withCsrf(HttpRequest.newBuilder(session.uri("/api/session")))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"username\":\"" + username + "\",\"password\":\"" + PASSWORD
                        + "\",\"code\":\"" + TotpCodes.now(opened.totpSecret()) + "\"}")));
        if (in.statusCode() != 200) {
            throw new IllegalStateException("login over HTTP failed: " + in.statusCode() + " " + in.body());
        }
        return session;
    }

    public URI uri(String path) {
        return URI.create(base + path);
    }

    /** Adds the CSRF header the console's page sends with every change. */
    public HttpRequest.Builder withCsrf(HttpRequest.Builder request) {
        return request.header("X-XSRF-TOKEN", csrfToken());
    }

    /** The token of the XSRF-TOKEN cookie, which a change sends back in the X-XSRF-TOKEN header. */
    public String csrfToken() {
        return cookies.getCookieStore().getCookies().stream().filter(c -> c.getName().equals("XSRF-TOKEN"))
                .map(HttpCookie::getValue).reduce((first, later) -> later)
                .orElseThrow(() -> new IllegalStateException("the server set no XSRF-TOKEN cookie"));
    }

    public HttpResponse<String> get(String path) {
        return send(HttpRequest.newBuilder(uri(path)).GET());
    }

    public HttpResponse<String> send(HttpRequest.Builder request) {
        try {
            return client.send(request.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        }
        catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** The client with the session's cookies, for tests that build their own requests (multipart uploads). */
    public HttpClient client() {
        return client;
    }
}

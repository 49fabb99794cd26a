package org.vigil.governance.internal;

import java.net.URI;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.core.MethodParameter;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.converter.HttpMessageConverter;
import org.springframework.http.server.ServerHttpRequest;
import org.springframework.http.server.ServerHttpResponse;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.servlet.mvc.method.annotation.ResponseBodyAdvice;
import org.vigil.identity.ResidentId;

/**
 * No problem detail shows an ID number in full (DATA-15, masking by default). Many refusals quote
 * the value they refused — a division code, a provider code, a period — and a caller who put an ID
 * number in the wrong field would get it back in clear, in an answer that clients, proxies and
 * browser consoles readily log; and a problem's {@code instance} is the request's address, which
 * a caller may have written an ID number into.
 * So every 18-character ID number in a problem's detail, instance or properties is shown as
 * {@link ResidentId#masked()} shows it ({@link ResidentId#maskAll}), one with a wrong check digit
 * too. One place for every controller, rather than a rule each message must remember.
 */
@RestControllerAdvice
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
class ProblemMasking implements ResponseBodyAdvice<Object> {

    @Override
    public boolean supports(MethodParameter returnType, Class<? extends HttpMessageConverter<?>> converterType) {
        // the body's type is known only when it is written
        return true;
    }

    @Override
    public Object beforeBodyWrite(Object body, MethodParameter returnType, MediaType contentType,
            Class<? extends HttpMessageConverter<?>> converterType, ServerHttpRequest request,
            ServerHttpResponse response) {
        if (body instanceof ProblemDetail problem) {
            problem.setDetail(mask(problem.getDetail()));
            if (problem.getInstance() != null) {
                problem.setInstance(URI.create(mask(problem.getInstance().toString())));
            }
            if (problem.getProperties() != null) {
                new LinkedHashMap<>(problem.getProperties()).forEach((k, v) -> problem.setProperty(k, maskAll(v)));
            }
        }
        return body;
    }

    private static String mask(String text) {
        return ResidentId.maskAll(text);
    }

    /** Strings in the problem's extra members, as deep as lists and maps go. */
    private static Object maskAll(Object value) {
        if (value instanceof String s) {
            return mask(s);
        }
        if (value instanceof List<?> list) {
            return list.stream().map(ProblemMasking::maskAll).toList();
        }
        if (value instanceof Map<?, ?> map) {
            Map<Object, Object> masked = new LinkedHashMap<>();
            map.forEach((k, v) -> masked.put(k, maskAll(v)));
            return masked;
        }
        return value;
    }
}

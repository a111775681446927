package org.opennrm;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.lang.reflect.Type;
import java.util.Map;
import org.springframework.core.MethodParameter;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpInputMessage;
import org.springframework.http.converter.AbstractJacksonHttpMessageConverter;
import org.springframework.http.converter.HttpMessageConverter;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.servlet.mvc.method.annotation.RequestBodyAdviceAdapter;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * What the platform accepts in a JSON request body: no {@code null} inside an array ({@code "grants": [null]}), and
 * no NUL character in a string or a name. Both used to reach the code behind the API and fail there with a server
 * error (500): a null element where every element is a value, a NUL that PostgreSQL cannot store in text. Refused
 * before the body is bound, they answer 400 like any other malformed body.
 *
 * <p>Request bodies only, checked on the parsed tree before binding: the application's own JSON (stored statistics
 * tables with suppressed, null cells, for one) is read as before.
 */
@ControllerAdvice
class JsonInput extends RequestBodyAdviceAdapter {

    private final JsonMapper json;

    JsonInput(JsonMapper json) {
        this.json = json;
    }

    @Override
    public boolean supports(
            MethodParameter parameter, Type targetType, Class<? extends HttpMessageConverter<?>> converterType) {
        return AbstractJacksonHttpMessageConverter.class.isAssignableFrom(converterType);
    }

    @Override
    public HttpInputMessage beforeBodyRead(
            HttpInputMessage input,
            MethodParameter parameter,
            Type targetType,
            Class<? extends HttpMessageConverter<?>> converterType)
            throws IOException {
        byte[] body = input.getBody().readAllBytes();
        if (body.length > 0) {
            JsonNode tree;
            try {
                tree = json.readTree(body);
            } catch (JacksonException malformed) {
                throw new HttpMessageNotReadableException("The body is not well-formed JSON.", malformed, input);
            }
            String refused = refusal(tree);
            if (refused != null) {
                throw new HttpMessageNotReadableException(refused, input);
            }
        }
        HttpHeaders headers = input.getHeaders();
        return new HttpInputMessage() {
            @Override
            public InputStream getBody() {
                return new ByteArrayInputStream(body);
            }

            @Override
            public HttpHeaders getHeaders() {
                return headers;
            }
        };
    }

    /** Why the tree is refused, or null. Walks it without recursion, so that deep nesting cannot overflow the stack. */
    static String refusal(JsonNode tree) {
        var pending = new java.util.ArrayDeque<JsonNode>();
        pending.push(tree);
        while (!pending.isEmpty()) {
            JsonNode node = pending.pop();
            if (node.isString() && node.asString().indexOf('\0') >= 0) {
                return InputWithoutNul.REFUSED;
            }
            if (node.isArray()) {
                for (JsonNode element : node) {
                    if (element.isNull()) {
                        return "A list holds an empty (null) element.";
                    }
                    pending.push(element);
                }
            } else if (node.isObject()) {
                for (Map.Entry<String, JsonNode> property : node.properties()) {
                    if (property.getKey().indexOf('\0') >= 0) {
                        return InputWithoutNul.REFUSED;
                    }
                    pending.push(property.getValue());
                }
            }
        }
        return null;
    }
}

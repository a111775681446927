package org.opennrm.organisations.api;

import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.converter.HttpMessageNotReadableException;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.exc.InvalidFormatException;

/**
 * A body that JSON cannot be read into the request: an unknown sector or role, a malformed date or id.
 * Answered like a validation error, naming the field (and the values an enumeration accepts).
 */
final class UnreadableBody {

    private UnreadableBody() {}

    static ProblemDetail problem(HttpMessageNotReadableException e) {
        var problem = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST, "Some fields are missing or invalid.");
        problem.setTitle("Invalid request");
        if (e.getCause() instanceof JacksonException jackson
                && !jackson.getPath().isEmpty()) {
            problem.setProperty("errors", List.of(Map.of("field", fieldOf(jackson), "message", messageOf(jackson))));
        } else {
            problem.setDetail("The request body is not JSON of the expected form.");
        }
        return problem;
    }

    /** {@code parties[1].nrmRole}, as Bean Validation names fields. */
    private static String fieldOf(JacksonException jackson) {
        var field = new StringBuilder();
        for (var reference : jackson.getPath()) {
            if (reference.getPropertyName() != null) {
                if (!field.isEmpty()) {
                    field.append('.');
                }
                field.append(reference.getPropertyName());
            } else if (reference.getIndex() >= 0) {
                field.append('[').append(reference.getIndex()).append(']');
            }
        }
        return field.toString();
    }

    private static String messageOf(JacksonException jackson) {
        if (jackson instanceof InvalidFormatException invalid
                && invalid.getTargetType() != null
                && invalid.getTargetType().isEnum()) {
            return "Not one of: "
                    + Arrays.stream(invalid.getTargetType().getEnumConstants())
                            .map(Object::toString)
                            .collect(Collectors.joining(", "))
                    + ".";
        }
        return "Not a valid value for this field.";
    }
}

package org.opennrm.organisations.api;

import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.opennrm.organisations.ContactPoint;

/** A professional contact point of an organisation, as the API reads and writes it. */
record ContactPointEntry(
        @NotBlank(message = "{contactPoint.name.required}") @Size(max = 200, message = "{contactPoint.name.size}")
        String name,

        @Size(max = 200, message = "{contactPoint.function.size}")
        String function,

        @Size(max = 50, message = "{contactPoint.phone.size}")
        @Pattern(regexp = "^[+0-9 ()./-]*$", message = "{contactPoint.phone.invalid}")
        String phone,

        @Size(max = 320, message = "{contactPoint.email.size}") @Email(message = "{contactPoint.email.invalid}")
        String email) {

    static ContactPointEntry of(ContactPoint contactPoint) {
        return new ContactPointEntry(
                contactPoint.name(), contactPoint.function(), contactPoint.phone(), contactPoint.email());
    }

    ContactPoint contactPoint() {
        return new ContactPoint(name, function, phone, email);
    }
}

package org.opennrm.monitoring.plan.web;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.opennrm.monitoring.plan.Implementation;
import org.opennrm.monitoring.plan.Recommendation;

/** The government's response to a recommendation and how far it is implemented, on the version read. */
record ResponseForm(
        @Size(max = 10000, message = "{plan.recommendation.response.size}")
        String response,

        @NotNull(message = "{plan.recommendation.implementation.required}")
        Implementation implementation,

        @NotNull(message = "{version.missing}") Integer version) {

    static ResponseForm of(Recommendation recommendation) {
        return new ResponseForm(
                recommendation.governmentResponse(), recommendation.implementation(), recommendation.version());
    }

    ResponseForm withVersion(int current) {
        return new ResponseForm(response, implementation, current);
    }
}

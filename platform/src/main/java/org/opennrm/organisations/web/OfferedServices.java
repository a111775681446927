package org.opennrm.organisations.web;

import java.util.ArrayList;
import java.util.List;
import org.opennrm.organisations.Organisation;
import org.opennrm.organisations.ServiceCode;

/** An organisation's services split for display: catalogue entries (translated) and free text (as typed). */
record OfferedServices(List<ServiceCode> catalogue, List<String> other) {

    static OfferedServices of(Organisation organisation) {
        var catalogue = new ArrayList<ServiceCode>();
        var other = new ArrayList<String>();
        for (String service : organisation.servicesOffered()) {
            ServiceCode.of(service).ifPresentOrElse(catalogue::add, () -> other.add(service));
        }
        return new OfferedServices(List.copyOf(catalogue), List.copyOf(other));
    }

    public boolean isEmpty() {
        return catalogue.isEmpty() && other.isEmpty();
    }
}

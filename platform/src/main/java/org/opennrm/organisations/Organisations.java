package org.opennrm.organisations;

import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.data.repository.ListCrudRepository;

/** All registered organisations. */
interface Organisations extends ListCrudRepository<Organisation, UUID> {

    Optional<Organisation> findByNameIgnoreCase(String name);

    List<Organisation> findAllByOrderByNameAsc();
}

package org.opennrm.organisations;

import java.util.List;
import java.util.UUID;
import org.springframework.data.jdbc.repository.query.Query;
import org.springframework.data.repository.ListCrudRepository;

/** All partnership agreements. */
interface Agreements extends ListCrudRepository<Agreement, UUID> {

    List<Agreement> findAllByOrderByNextReviewOnAscTitleAsc();

    @Query("""
            select a.* from organisations.agreement a
            where exists (select 1 from organisations.agreement_party p
                          where p.agreement = a.id and p.organisation = :organisationId)
            order by a.next_review_on, a.title""")
    List<Agreement> findByParty(UUID organisationId);
}

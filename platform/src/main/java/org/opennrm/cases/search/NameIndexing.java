package org.opennrm.cases.search;

import org.opennrm.cases.Persons;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Indexes, once at start, the names of persons recorded before the search index existed, in small transactions so
 * that a large NRM is not locked while it runs. New persons are indexed as they are recorded. Logs counts only.
 */
@Component
class NameIndexing implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(NameIndexing.class);
    private static final int BATCH = 200;

    private final Persons persons;
    private final TransactionTemplate transactions;

    NameIndexing(Persons persons, TransactionTemplate transactions) {
        this.persons = persons;
        this.transactions = transactions;
    }

    @Override
    public void run(ApplicationArguments args) {
        int total = 0;
        int indexed;
        do {
            Integer done = transactions.execute(status -> persons.indexUnindexed(BATCH));
            indexed = done == null ? 0 : done;
            total += indexed;
        } while (indexed == BATCH);
        if (total > 0) {
            log.info("Indexed the names of {} persons for the case search", total);
        }
    }
}

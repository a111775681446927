package org.opennrm.cases;

import org.opennrm.ChangeCount;
import org.springframework.stereotype.Component;

/** Counts ended changes to case files ({@link CaseFiles} reports each), so that {@link QueuePages} knows when
 * the rendered queue is out of date. */
@Component
public class CaseFileChanges extends ChangeCount {}

package org.opennrm.cases.events;

import java.util.Map;

/**
 * The standard code each national code maps to. An administrator may add national codes to some code lists (a national
 * form of exploitation, a recruitment platform, a method of control), each declaring the standard (HTCDS) code of the
 * same list it belongs under. The events carry the national code, so that national tables count it apart; a return or
 * an export that needs the standard categories (CTDC, Eurostat, UNODC) reads it as its parent through this.
 */
public interface StandardCodes {

    String EXPLOITATION_FORM = "exploitationForm";
    String METHOD_OF_CONTROL = "methodOfControl";

    /**
     * National code to the standard code it maps to, for one list, as the lists write codes ({@code ForcedLabour}),
     * retired codes included (cases recorded before keep them). Empty for a list without national codes.
     */
    Map<String, String> parents(String list);
}

package org.opennrm.prevention.suppliers;

import java.time.LocalDate;

/** Synthetic lists and suppliers: invented companies, a list source at example.org. */
final class SupplierFixtures {

    static final ListSource SOURCE = new ListSource(
            "Employers found using forced labour (synthetic)",
            "Synthetic Labour Authority",
            LocalDate.of(2025, 6, 30),
            "https://example.org/forced-labour-employers-2025");

    /* the listed employers: two that suppliers below spell otherwise, one in another country, two unrelated */
    static final String LIST = """
            name,country
            Sunrise Textiles Ltd,BGD
            Коваленко Агро ТОВ,UKR
            Northwind Fisheries,THA
            Blue Harbour Brickworks,IND
            Golden Field Farms,ROU
            """;

    /* the office's suppliers: spelling variants of two listed employers, a same name in another country, others */
    static final String SUPPLIERS = """
            reference,name,country
            SUP-001,SUNRISE TEXTILE LLC,BGD
            SUP-002,Kovalenko Agro,UKR
            SUP-003,Northwind Fisheries,NOR
            SUP-004,Meadowbrook Office Supplies,DEU
            SUP-005,Green Valley Stationery,
            """;

    private SupplierFixtures() {}
}

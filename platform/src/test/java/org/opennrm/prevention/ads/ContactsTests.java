package org.opennrm.prevention.ads;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** Contacts written in many national ways become one comparable form. */
class ContactsTests {

    @Test
    void phonesInNationalAndInternationalFormatsBecomeE164() {
        // Germany: national with trunk zero, international with 00 and with +, with separators
        assertThat(Contacts.phone("0151 2345 6789", "DE")).contains("+4915123456789");
        assertThat(Contacts.phone("0049-151-23456789", "DE")).contains("+4915123456789");
        assertThat(Contacts.phone("+49 (151) 234 567 89", "FR")).contains("+4915123456789");
        // France: 06 numbers in pairs, and the same number from abroad
        assertThat(Contacts.phone("06 12 34 56 78", "FR")).contains("+33612345678");
        assertThat(Contacts.phone("+33 6 12 34 56 78", "DE")).contains("+33612345678");
        // Italy keeps no trunk zero on mobiles; Spain writes nine digits; the United Kingdom drops its 0
        assertThat(Contacts.phone("312 345 6789", "IT")).contains("+393123456789");
        assertThat(Contacts.phone("612 34 56 78", "ES")).contains("+34612345678");
        assertThat(Contacts.phone("07700 900123", "GB")).contains("+447700900123");
        // Russia: 8 as the trunk prefix
        assertThat(Contacts.phone("8 (912) 345-67-89", "RU")).contains("+79123456789");
        // the same national digits mean different numbers in different regions
        assertThat(Contacts.phone("0612345678", "FR")).isNotEqualTo(Contacts.phone("0612345678", "DE"));
    }

    @Test
    void notPhoneNumbersAreRefused() {
        assertThat(Contacts.phone("call me", "DE")).isEmpty();
        assertThat(Contacts.phone("12", "DE")).isEmpty();
        assertThat(Contacts.phone("+49 1234567890123456789", "DE")).isEmpty();
        assertThat(Contacts.regionKnown("XX")).isFalse();
        assertThat(Contacts.regionKnown("de")).isTrue();
    }

    @Test
    void emailsAreLowerCasedAndHandlesTrimmed() {
        assertThat(Contacts.email("  Jobs.Abroad@Example.ORG ")).contains("jobs.abroad@example.org");
        assertThat(Contacts.email("not an address")).isEmpty();
        assertThat(Contacts.handle("  @Model_Agency_77 ")).contains("model_agency_77");
        assertThat(Contacts.handle("two words")).isEmpty();
    }
}

-- The case search also finds a person by date of birth, through the same blind index as the name words (a keyed
-- hash of "born:<date>" cut to a bucket, see cases.Persons.birthToken): every person is indexed again once, by the
-- platform at its next start (cases.search.NameIndexing, in small transactions), so that those recorded before this
-- version are found by their date of birth too.
update cases.person set name_indexed = false;

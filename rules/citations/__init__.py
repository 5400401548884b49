"""Citations and dates (family C): every cited document's number, code, type, date and
title, checked against its other mentions and the tables of type letters and issuers
(C1xx, category "reference"); dates that cannot be, or that disagree with the report's
own date (C2xx, category "date"). ``index.citation_index`` lists every cited document."""

"""The document's form (family F, category "form"): heading, number and code, place and
date, type name and subject, recipients, signing block (F1xx, read from the text of any
input), and page, fonts, sizes, weights and alignment (F2xx, measured in a .docx only).

What is prescribed lives in data, one rule set per document style with its types
(nd30-2020.toml: Nghị định 30/2020/NĐ-CP for State documents; hd36-vptw.toml: Hướng dẫn
36-HD/VPTW for Party documents), beside the issuer abbreviations (issuers.toml) and the
names whose capitals are prescribed (names.toml). ``parse.read_form`` reads the form from
the text; ``checker.layout`` reads the layout of a .docx. Every finding quotes the article
it rests on. A text whose heading is not recognisable (an excerpt, a note) gets no form
finding at all.
"""

// CLDR's plural rules through ICU (Debian: libicu-dev), behind two plain C calls. ICU's own
// headers stay inside plural_rules.c: Foundation brings a copy of ICU whose type names would
// clash with them in Swift.
#ifndef PLEDGETRACK_PLURAL_RULES_H
#define PLEDGETRACK_PLURAL_RULES_H

/// Opens the rules of `locale` ("ar", "ru", …); NULL when ICU has none. Never closed: one per
/// language, kept for the life of the process.
const void *pt_plural_rules_open(const char *locale);

/// Writes the category of `number` ("one", "few", …) into `out` as UTF-8; returns its length,
/// or -1 on error.
int pt_plural_rules_select(const void *rules, double number, char *out, int capacity);

/// Writes the categories the rules have, separated by spaces, into `out`; returns the length,
/// or -1 on error.
int pt_plural_rules_keywords(const void *rules, char *out, int capacity);

#endif

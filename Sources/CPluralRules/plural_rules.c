#include "plural_rules.h"

#include <string.h>
#include <unicode/upluralrules.h>
#include <unicode/uenum.h>
#include <unicode/ustring.h>

const void *pt_plural_rules_open(const char *locale) {
    UErrorCode status = U_ZERO_ERROR;
    UPluralRules *rules = uplrules_open(locale, &status);
    if (U_FAILURE(status)) return NULL;
    return rules;
}

int pt_plural_rules_select(const void *rules, double number, char *out, int capacity) {
    UChar keyword[32];
    UErrorCode status = U_ZERO_ERROR;
    int32_t length = uplrules_select((const UPluralRules *)rules, number, keyword, 32, &status);
    if (U_FAILURE(status)) return -1;
    int32_t written = 0;
    u_strToUTF8(out, capacity, &written, keyword, length, &status);
    if (U_FAILURE(status) || written >= capacity) return -1;
    out[written] = 0;
    return written;
}

int pt_plural_rules_keywords(const void *rules, char *out, int capacity) {
    UErrorCode status = U_ZERO_ERROR;
    UEnumeration *keywords = uplrules_getKeywords((const UPluralRules *)rules, &status);
    if (U_FAILURE(status)) return -1;
    int used = 0;
    const char *word;
    int32_t length;
    while ((word = uenum_next(keywords, &length, &status)) != NULL && U_SUCCESS(status)) {
        if (used + length + 2 > capacity) break;
        if (used > 0) out[used++] = ' ';
        memcpy(out + used, word, (size_t)length);
        used += length;
    }
    out[used] = 0;
    uenum_close(keywords);
    return U_SUCCESS(status) ? used : -1;
}

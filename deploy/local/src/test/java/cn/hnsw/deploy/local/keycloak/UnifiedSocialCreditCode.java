package cn.hnsw.deploy.local.keycloak;

/**
 * The check of a unified social credit code (统一社会信用代码, GB 32100-2015): 18 characters from a 31-character
 * alphabet (digits and capitals without I, O, S, V, Z); the 18th is a check character over the first 17 with the
 * weights 3^(i) mod 31; characters 9–17 are the organisation code of GB 11714, with its own check digit (mod 11).
 */
final class UnifiedSocialCreditCode {

    private static final String ALPHABET = "0123456789ABCDEFGHJKLMNPQRTUWXY";
    private static final int[] WEIGHTS = {1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28};
    private static final int[] ORGANIZATION_WEIGHTS = {3, 7, 9, 10, 5, 8, 4, 2};

    private UnifiedSocialCreditCode() {
    }

    static boolean isValid(String code) {
        if (code == null || code.length() != 18) {
            return false;
        }
        int sum = 0;
        for (int i = 0; i < 17; i++) {
            int value = ALPHABET.indexOf(code.charAt(i));
            if (value < 0) {
                return false;
            }
            sum += value * WEIGHTS[i];
        }
        char check = ALPHABET.charAt((31 - sum % 31) % 31);
        return check == code.charAt(17) && organizationCodeValid(code.substring(8, 17));
    }

    /** GB 11714: letters count as 10–35, check = 11 − (Σ value·weight mod 11), with 10 → X and 11 → 0. */
    private static boolean organizationCodeValid(String organizationCode) {
        int sum = 0;
        for (int i = 0; i < 8; i++) {
            char c = organizationCode.charAt(i);
            int value = Character.isDigit(c) ? c - '0' : c - 'A' + 10;
            sum += value * ORGANIZATION_WEIGHTS[i];
        }
        int check = 11 - sum % 11;
        char expected = check == 10 ? 'X' : check == 11 ? '0' : (char) ('0' + check);
        return expected == organizationCode.charAt(8);
    }
}

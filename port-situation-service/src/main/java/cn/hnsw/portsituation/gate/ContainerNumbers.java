package cn.hnsw.portsituation.gate;

/** ISO 6346 container numbers: owner code, category, serial and the check digit over them. */
public final class ContainerNumbers {

    private ContainerNumbers() {
    }

    public static boolean valid(String number) {
        if (number == null || !number.matches("[A-Z]{3}[UJZ][0-9]{7}")) {
            return false;
        }
        int sum = 0;
        for (int i = 0; i < 10; i++) {
            char ch = number.charAt(i);
            int value = Character.isDigit(ch) ? ch - '0' : letterValue(ch);
            sum += value << i;
        }
        int check = sum % 11 % 10;
        return check == number.charAt(10) - '0';
    }

    private static final int[] LETTERS = new int[26];

    static {
        int v = 10;
        for (int i = 0; i < 26; i++) {
            if (v % 11 == 0) {
                v++;
            }
            LETTERS[i] = v++;
        }
    }

    /** A=10, B=12 … Z=38: counting from 10 and skipping the multiples of 11. */
    private static int letterValue(char ch) {
        return LETTERS[ch - 'A'];
    }
}

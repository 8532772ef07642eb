package cn.hnsw.passenger.declaration;

/** 二线口岸 — the ten second-line ports (GLOSSARY §9.1); the constant name is the stored code. */
public enum SecondLinePort {
    MEILAN_AIRPORT("海口美兰国际机场", "Haikou Meilan International Airport"),
    BOAO_AIRPORT("琼海博鳌国际机场", "Qionghai Bo'ao International Airport"),
    PHOENIX_AIRPORT("三亚凤凰国际机场", "Sanya Phoenix International Airport"),
    NANSHAN_PORT("南山港", "Nanshan Port"),
    XINHAI_PORT("新海港", "Xinhai Port"),
    XIUYING_PORT("秀英港", "Xiuying Port"),
    MACUN_PORT("马村港", "Macun Port"),
    YANGPU_PORT("洋浦港", "Yangpu Port"),
    QINGLAN_PORT("清澜港", "Qinglan Port"),
    BASUO_PORT("八所港", "Basuo Port");

    private final String nameZh;
    private final String nameEn;

    SecondLinePort(String nameZh, String nameEn) {
        this.nameZh = nameZh;
        this.nameEn = nameEn;
    }

    public String nameZh() {
        return nameZh;
    }

    public String nameEn() {
        return nameEn;
    }
}

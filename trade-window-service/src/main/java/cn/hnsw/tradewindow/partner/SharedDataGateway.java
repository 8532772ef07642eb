package cn.hnsw.tradewindow.partner;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * 企业共享信息 — the seven shared data sets about an enterprise, pulled from the provincial data-sharing platform and
 * the registration sources (S1 FP 5–36; service list 83–86), never typed in by the enterprise.
 */
public interface SharedDataGateway {

    SharedDataSet fetch(String enterpriseUscc, SharedDataKind kind);

    enum SharedDataKind {
        BUSINESS_REGISTRATION("工商基本信息", "Business registration"),
        CUSTOMS_REGISTRATION("海关注册信息", "Customs registration"),
        BUSINESS_LICENCE("营业执照", "Business licence"),
        AEO_STATUS("海关高级认证企业信息", "Customs AEO (advanced certification) status"),
        SERIOUS_DISHONESTY("国家严重失信主体法人名单", "National serious-dishonesty legal-person list"),
        HAINAN_PENALTIES_LEGAL_PERSON("海南省法人行政处罚", "Hainan administrative penalties (legal persons)"),
        HAINAN_PENALTIES_SOCIAL("海南省行政处罚（社会法人）", "Hainan administrative penalties (social legal persons)");

        private final String nameZh;
        private final String nameEn;

        SharedDataKind(String nameZh, String nameEn) {
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

    /**
     * One data set: its records as field → value maps, where it came from and when.
     *
     * @param source the partner that answered (its simulator says so in its name)
     */
    record SharedDataSet(SharedDataKind kind, String enterpriseUscc, List<Map<String, String>> records, String source,
                         Instant fetchedAt) {
    }
}

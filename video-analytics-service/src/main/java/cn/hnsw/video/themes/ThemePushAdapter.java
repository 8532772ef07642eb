package cn.hnsw.video.themes;

import java.util.List;
import java.util.Map;

/** 数据推送服务接口: a data service's rows pushed to a partner platform; answers how many the partner accepted. */
public interface ThemePushAdapter {

    int push(String partnerId, String serviceCode, List<Map<String, Object>> rows);
}

package cn.hnsw.tradewindow.lowaltitude;

import org.springframework.context.annotation.Configuration;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/** Registers the S2 permission-group check on the low-altitude API. */
@Configuration
class LowAltitudeWebConfig implements WebMvcConfigurer {

    private final LowAltitudePermissionInterceptor permissions;

    LowAltitudeWebConfig(LowAltitudePermissionInterceptor permissions) {
        this.permissions = permissions;
    }

    @Override
    public void addInterceptors(InterceptorRegistry registry) {
        registry.addInterceptor(permissions).addPathPatterns(LowAltitudePermissionController.ROOT + "/**");
    }
}

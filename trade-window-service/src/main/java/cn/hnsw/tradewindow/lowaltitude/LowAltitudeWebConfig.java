package cn.hnsw.tradewindow.lowaltitude;

import org.springframework.context.annotation.Configuration;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/** Registers the S2 login timeout and the permission-group check on the low-altitude API. */
@Configuration
class LowAltitudeWebConfig implements WebMvcConfigurer {

    private final LowAltitudePermissionInterceptor permissions;
    private final LowAltitudeLoginInterceptor logins;

    LowAltitudeWebConfig(LowAltitudePermissionInterceptor permissions, LowAltitudeLoginInterceptor logins) {
        this.permissions = permissions;
        this.logins = logins;
    }

    @Override
    public void addInterceptors(InterceptorRegistry registry) {
        registry.addInterceptor(logins).addPathPatterns(LowAltitudePermissionController.ROOT + "/**");
        registry.addInterceptor(permissions).addPathPatterns(LowAltitudePermissionController.ROOT + "/**");
    }
}

package cn.hnsw.common.admin;

import cn.hnsw.common.security.Actors;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import java.util.List;

/** The console menu the signed-in user's roles may see (菜单查询 for everyone; editing is in {@link AdminController}). */
@RestController
@RequestMapping("${hnsw.api.base:/api}/v1/menus")
public class MenuController {

    private final MenuStore menus;

    public MenuController(MenuStore menus) {
        this.menus = menus;
    }

    @GetMapping("/visible")
    public List<MenuItem> visible() {
        return menus.visibleTo(Actors.current().roles());
    }
}

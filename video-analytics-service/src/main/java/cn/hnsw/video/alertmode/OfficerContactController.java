package cn.hnsw.video.alertmode;

import cn.hnsw.video.alertmode.OfficerContacts.Contact;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Size;
import java.util.List;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * 警员联系方式: {@code PUT /officer-contacts/{username}} (the officer themself or an administrator) and
 * {@code GET /officer-contacts} (administrators).
 */
@RestController
@RequestMapping("/api/video-analytics/v1/officer-contacts")
@PreAuthorize("hasAnyRole('customs-officer', 'customs-reviewer', 'platform-admin')")
class OfficerContactController {

    private final OfficerContacts contacts;

    OfficerContactController(OfficerContacts contacts) {
        this.contacts = contacts;
    }

    record ContactRequest(@Size(max = 32) String phone, @Size(max = 128) String pushDeviceId) {
    }

    @PutMapping("/{username}")
    Contact save(@PathVariable String username, @Valid @RequestBody ContactRequest r) {
        return contacts.save(username, r.phone(), r.pushDeviceId());
    }

    @GetMapping
    @PreAuthorize("hasRole('platform-admin')")
    List<Contact> all() {
        return contacts.all();
    }
}

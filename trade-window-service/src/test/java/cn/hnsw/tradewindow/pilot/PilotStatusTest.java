package cn.hnsw.tradewindow.pilot;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class PilotStatusTest {

    @Test
    void movesAreWrittenOnce() {
        assertThat(PilotStatus.DRAFT.canMoveTo(PilotStatus.IN_REVIEW)).isTrue();
        assertThat(PilotStatus.WITHDRAWN.next()).isEmpty();
        assertThat(PilotStatus.WITHDRAWN.canMoveTo(PilotStatus.APPROVED)).isFalse();
        assertThat(PilotStatus.IN_REVIEW.canMoveTo(PilotStatus.TERMINATED)).isFalse();
        assertThat(PilotStatus.APPROVED.canMoveTo(PilotStatus.TERMINATED)).isTrue();
        assertThat(PilotStatus.RETURNED.documentsEditable()).isTrue();
        assertThat(PilotStatus.IN_REVIEW.documentsEditable()).isFalse();
    }
}

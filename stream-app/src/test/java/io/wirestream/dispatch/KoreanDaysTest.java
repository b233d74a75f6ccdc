package io.wirestream.dispatch;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class KoreanDaysTest {

    @Test
    void shouldDateALeadByTheDayItWasToldNotTheDayOfTheEvent() {
        assertThat(KoreanDays.dayOf("북한이 30일 밤 탄도미사일을 발사했다고 합동참모본부가 31일 새벽 밝혔다.")).isEqualTo(31);
    }

    @Test
    void shouldTakeThePassiveOfTellingAsTheDayItWasTold() {
        // Given leads that name the event's day first and the day it came out with a passive
        // When dated
        // Then the day it came out counts
        assertThat(KoreanDays.dayOf("김정은 위원장이 생일인 15일 금수산태양궁전을 참배하지 않은 것으로 16일 확인됐다.")).isEqualTo(16);
        assertThat(KoreanDays.dayOf("군 당국이 지난 3일 사건을 조사한 결과가 4일 알려졌다.")).isEqualTo(4);
    }

    @Test
    void shouldTakeTheFirstPlainDayWithoutAVerbOfSaying() {
        assertThat(KoreanDays.dayOf("한미 양국 군은 1일부터 연합 야외기동훈련에 들어갔다.")).isEqualTo(1);
        assertThat(KoreanDays.dayOf("1월 6일 발사 이후 11일간 잠잠하던 북한이 17일 다시 쐈다.")).isEqualTo(17);
    }
}

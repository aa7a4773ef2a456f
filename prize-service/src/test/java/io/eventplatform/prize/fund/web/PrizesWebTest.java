package io.eventplatform.prize.fund.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.verifyNoInteractions;
import static org.mockito.Mockito.when;

import io.eventplatform.prize.fund.PrizeFund;
import io.eventplatform.prize.fund.PrizeMother;
import io.eventplatform.support.body.Submitted;
import io.eventplatform.support.lists.ListQuery;
import io.eventplatform.support.lists.Page;
import io.eventplatform.support.testing.WebSliceSupport;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.mockito.ArgumentCaptor;
import org.springframework.boot.webmvc.test.autoconfigure.WebMvcTest;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.assertj.MvcTestResult;

/** {@code /api/v1/rooms/{roomId}/prizes} as HTTP: list parameters, bodies, and the shape of the answers. */
@WebMvcTest(PrizesController.class)
class PrizesWebTest extends WebSliceSupport {

    @MockitoBean
    PrizeFund fund;

    @Test
    void aPageOfPrizesCarriesItsMetaAndEachPrizeItsWinnerCount() {
        when(fund.list(any(), eq("room_1"), any())).thenReturn(new Page<>(List.of(PrizeMother.aMugWithItsWinners(5, 2)), 41));

        MvcTestResult result = mvc.get().uri("/api/v1/rooms/room_1/prizes?page=2&limit=20&sort=-quantity")
                .header(HttpHeaders.AUTHORIZATION, bearer("usr_ada")).exchange();

        assertThat(result).hasStatusOk().bodyJson().isLenientlyEqualTo("""
                {"data": [{"id": "prz_1", "roomId": "room_1", "name": "Mug", "quantity": 5, "quantityRemaining": 3,
                           "winnerCount": 2, "createdAt": "2026-12-01T18:00:00.000Z"}],
                 "meta": {"page": 2, "limit": 20, "total": 41, "pages": 3}}""");
        ArgumentCaptor<ListQuery> query = ArgumentCaptor.forClass(ListQuery.class);
        verify(fund).list(any(), eq("room_1"), query.capture());
        assertThat(query.getValue().offset()).isEqualTo(20);
    }

    @Test
    void listParametersOutsideTheContractAre400AndNeverReachTheFund() {
        for (String parameters : List.of("limit=101", "limit=0", "page=0", "sort=secret", "sort=name,,", "page=x",
                "limit=%00")) {
            MvcTestResult result = mvc.get().uri("/api/v1/rooms/room_1/prizes?" + parameters)
                    .header(HttpHeaders.AUTHORIZATION, bearer("usr_ada")).exchange();

            assertThat(result).as(parameters).hasStatus(400).bodyJson().extractingPath("$.error.code").isEqualTo("BAD_REQUEST");
        }
        verifyNoInteractions(fund);
    }

    @Test
    void aNewPrizeIsReadIntoTheFundsCommandAndEveryProblemIsReportedAtOnce() {
        when(fund.create(any(), eq("room_1"), any())).thenAnswer(call -> {
            call.<Submitted<?>>getArgument(2).valid();
            return PrizeMother.aMugWithItsWinners(5, 0);
        });

        MvcTestResult created = mvc.post().uri("/api/v1/rooms/room_1/prizes").header(HttpHeaders.AUTHORIZATION, bearer("usr_ada"))
                .contentType(MediaType.APPLICATION_JSON).content("{\"name\":\"Mug\",\"quantity\":5,\"metadata\":{\"colour\":\"red\"}}")
                .exchange();
        MvcTestResult refused = mvc.post().uri("/api/v1/rooms/room_1/prizes").header(HttpHeaders.AUTHORIZATION, bearer("usr_ada"))
                .contentType(MediaType.APPLICATION_JSON)
                .content("{\"quantity\":0,\"imageUrl\":\"javascript:alert(1)\",\"metadata\":[],\"winners\":3}").exchange();

        assertThat(created).hasStatus(201).bodyJson().extractingPath("$.data.quantityRemaining").isEqualTo(5);
        assertThat(refused).hasStatus(422).bodyJson().extractingPath("$.error.details.fields").asMap()
                .containsOnlyKeys("name", "quantity", "imageUrl", "metadata", "winners");
        @SuppressWarnings("unchecked")
        ArgumentCaptor<Submitted<PrizeFund.NewPrize>> submitted = ArgumentCaptor.forClass(Submitted.class);
        verify(fund, org.mockito.Mockito.times(2)).create(any(), eq("room_1"), submitted.capture());
        PrizeFund.NewPrize first = submitted.getAllValues().get(0).valid();
        assertThat(first.quantity()).isEqualTo(5);
        assertThat(first.metadata()).hasToString("{\"colour\":\"red\"}");
    }
}

package io.eventplatform.prize.webhook;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.ConnectException;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpTimeoutException;
import java.util.concurrent.TimeoutException;
import org.junit.jupiter.api.Test;

/** docs/webhooks.md, "fallbackReason": what each way a call to an app fails is reported as. */
class FailureReasonsTest {

    @Test
    void theTimeLimitIsATimeoutWhicheverOfItsTwoClocksEndsTheCall() {
        assertThat(AppWebhooks.reasonOf(new TimeoutException("time limiter"))).isEqualTo(AppWebhooks.TIMEOUT);
        assertThat(AppWebhooks.reasonOf(new HttpTimeoutException("request timed out"))).isEqualTo(AppWebhooks.TIMEOUT);
    }

    @Test
    void notConnectingOrAFailedAnswerIsAnError() {
        assertThat(AppWebhooks.reasonOf(new HttpConnectTimeoutException("connect timed out"))).isEqualTo(AppWebhooks.ERROR);
        assertThat(AppWebhooks.reasonOf(new ConnectException("refused"))).isEqualTo(AppWebhooks.ERROR);
        assertThat(AppWebhooks.reasonOf(new IOException("the app answered 500"))).isEqualTo(AppWebhooks.ERROR);
    }

    @Test
    void anAnswerThatCannotBeUsedIsAnInvalidResponse() {
        assertThat(AppWebhooks.reasonOf(new AppWebhooks.InvalidAnswer("no winners"))).isEqualTo(AppWebhooks.INVALID_RESPONSE);
        assertThat(AppWebhooks.reasonOf(new LimitedBody.TooLarge(1024))).isEqualTo(AppWebhooks.INVALID_RESPONSE);
    }
}

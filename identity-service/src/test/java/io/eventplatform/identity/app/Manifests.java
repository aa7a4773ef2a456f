package io.eventplatform.identity.app;

import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/** Object Mother of app manifests. */
public final class Manifests {

    private static final JsonMapper json = JsonMapper.builder().build();

    private Manifests() {
    }

    /** The Holiday Lottery: prize fund, its own winner selection, settings with ticketCount and drawDate. */
    public static ObjectNode lottery(String version) {
        return (ObjectNode) json.readTree("""
                {"meta": {"name": "Holiday Lottery", "version": "%s", "description": "Draw prizes among everyone in the room",
                          "author": "Party Apps", "homepage": "https://lottery.example.com", "icon": "https://lottery.example.com/icon.png"},
                 "baseUrl": "https://lottery.example.com",
                 "capabilities": ["prizeFund", "winnerSelection"],
                 "permissions": ["rooms:read", "prizes:write", "winners:write", "participants:read"],
                 "webhooks": {"winnerSelection": "/webhooks/select-winners"},
                 "settings": {"type": "object",
                              "properties": {"ticketCount": {"type": "integer", "minimum": 1},
                                             "drawDate": {"type": "string", "format": "date-time"}},
                              "required": ["ticketCount"], "additionalProperties": false}}
                """.formatted(version));
    }

    public static ObjectNode lottery() {
        return lottery("1.0.0");
    }
}

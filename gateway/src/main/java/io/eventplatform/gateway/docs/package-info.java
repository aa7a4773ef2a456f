/** The API documentation at {@code /docs}: one Swagger UI over every service's generated OpenAPI document. */
@NullMarked
package io.eventplatform.gateway.docs;

import org.jspecify.annotations.NullMarked;

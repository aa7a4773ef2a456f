/** Each service's OpenAPI document: the token scheme, the error envelope and the error answers springdoc cannot see. */
@NullMarked
package io.eventplatform.support.apidocs;

import org.jspecify.annotations.NullMarked;

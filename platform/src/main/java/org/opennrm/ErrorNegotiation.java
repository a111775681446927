package org.opennrm;

import java.util.List;
import org.springframework.boot.webmvc.autoconfigure.WebMvcRegistrations;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.MediaType;
import org.springframework.web.accept.ContentNegotiationManager;
import org.springframework.web.servlet.mvc.method.annotation.ExceptionHandlerExceptionResolver;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

/**
 * Error answers of the exception handlers are problem details whatever the request's {@code Accept} asked for. A
 * client asking for {@code application/xml}, {@code image/png} or a malformed media type got its error (a 400, a 404,
 * even the 406 that said its {@code Accept} could not be met) as an empty body without a media type, since no answer
 * matched what it accepted. An error is better answered in the one form the platform has for errors than not at all
 * (RFC 9110 allows answering outside {@code Accept}).
 *
 * <p>The platform's one {@link WebMvcRegistrations} (Spring Boot uses such a bean only when it is the only one), so it
 * also brings the handler lookup of {@link SegmentHandlerMapping}.
 */
@Configuration(proxyBeanMethods = false)
class ErrorNegotiation {

    @Bean
    WebMvcRegistrations problemDetailsWhateverTheAccept() {
        return new WebMvcRegistrations() {
            @Override
            public RequestMappingHandlerMapping getRequestMappingHandlerMapping() {
                return new SegmentHandlerMapping();
            }

            @Override
            public ExceptionHandlerExceptionResolver getExceptionHandlerExceptionResolver() {
                return new ExceptionHandlerExceptionResolver() {
                    @Override
                    public void setContentNegotiationManager(ContentNegotiationManager ignored) {
                        // exception handlers only: the controllers' answers still follow the request's Accept
                        super.setContentNegotiationManager(new ContentNegotiationManager(
                                request -> List.of(MediaType.APPLICATION_PROBLEM_JSON, MediaType.ALL)));
                    }
                };
            }
        };
    }
}

package org.opennrm;

import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.info.License;
import io.swagger.v3.oas.models.security.SecurityRequirement;
import io.swagger.v3.oas.models.security.SecurityScheme;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The description of the REST API published at {@code /v3/api-docs}. */
@Configuration(proxyBeanMethods = false)
class ApiDocumentation {

    @Bean
    OpenAPI openNrmApi() {
        return new OpenAPI()
                .info(new Info()
                        .title("OpenNRM API")
                        .version("v1")
                        .description("The REST API of an OpenNRM installation. Clients authenticate with a personal "
                                + "access token (Authorization: Bearer onrm_...), created under API tokens, that "
                                + "carries a subset of its owner's permissions. Errors are RFC 9457 problem details.")
                        .license(new License().name("Apache-2.0")))
                .components(new Components()
                        .addSecuritySchemes(
                                "token",
                                new SecurityScheme()
                                        .type(SecurityScheme.Type.HTTP)
                                        .scheme("bearer")
                                        .description("Personal access token")))
                .addSecurityItem(new SecurityRequirement().addList("token"));
    }
}

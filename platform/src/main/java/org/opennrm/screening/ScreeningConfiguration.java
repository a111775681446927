package org.opennrm.screening;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Configuration;

/** Binds the rule settings ({@code opennrm.screening.rule.*}). */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(RuleSettings.class)
class ScreeningConfiguration {}

package org.opennrm;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.lang.reflect.Method;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.AnnotatedElementUtils;
import org.springframework.expression.Expression;
import org.springframework.expression.spel.SpelCompilerMode;
import org.springframework.expression.spel.SpelParserConfiguration;
import org.springframework.expression.spel.standard.SpelExpressionParser;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.access.expression.method.DefaultMethodSecurityExpressionHandler;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.util.SimpleMethodInvocation;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.HandlerInterceptor;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/**
 * Checks a controller's {@code @PreAuthorize} before the request body is read and validated, so that a
 * person without the permission is told "forbidden" and never learns, through validation messages, how
 * a request they may not make would have to look. Method security still checks again at the call;
 * expressions that refer to method arguments are left to it alone.
 */
@Configuration(proxyBeanMethods = false)
class EarlyAuthorization implements WebMvcConfigurer, HandlerInterceptor {

    private final DefaultMethodSecurityExpressionHandler expressions = new DefaultMethodSecurityExpressionHandler();
    // compiled to bytecode after a few evaluations: the rules are fixed strings such as hasAuthority('...')
    private final SpelExpressionParser parser =
            new SpelExpressionParser(new SpelParserConfiguration(SpelCompilerMode.MIXED, null));

    /**
     * The rule of each controller method, parsed once: finding the annotation and parsing its expression on
     * every request were a third of this check's cost, and the check a twelfth of the NRM queue page's.
     */
    private final Map<Method, Optional<Expression>> rules = new ConcurrentHashMap<>();

    @Override
    public void addInterceptors(InterceptorRegistry registry) {
        registry.addInterceptor(this);
    }

    @Override
    public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler) {
        if (!(handler instanceof HandlerMethod method)) {
            return true;
        }
        var rule = rules.computeIfAbsent(method.getMethod(), ignored -> ruleOf(method));
        if (rule.isEmpty()) {
            return true;
        }
        var authentication = SecurityContextHolder.getContext().getAuthentication();
        var invocation = new SimpleMethodInvocation(method.getBean(), method.getMethod());
        var context = expressions.createEvaluationContext(() -> authentication, invocation);
        if (!Boolean.TRUE.equals(rule.get().getValue(context, Boolean.class))) {
            throw new AccessDeniedException("Not permitted");
        }
        return true;
    }

    /** The method's (or else its class's) rule; none when it has none or refers to method arguments. */
    private Optional<Expression> ruleOf(HandlerMethod method) {
        PreAuthorize rule = AnnotatedElementUtils.findMergedAnnotation(method.getMethod(), PreAuthorize.class);
        if (rule == null) {
            rule = AnnotatedElementUtils.findMergedAnnotation(method.getBeanType(), PreAuthorize.class);
        }
        if (rule == null || rule.value().contains("#")) {
            return Optional.empty();
        }
        return Optional.of(parser.parseExpression(rule.value()));
    }
}

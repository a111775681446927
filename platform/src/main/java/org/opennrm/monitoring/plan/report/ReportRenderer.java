package org.opennrm.monitoring.plan.report;

import com.openhtmltopdf.pdfboxout.PdfRendererBuilder;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Locale;
import java.util.Map;
import org.jsoup.Jsoup;
import org.jsoup.helper.W3CDom;
import org.springframework.stereotype.Component;
import org.thymeleaf.ITemplateEngine;
import org.thymeleaf.context.Context;

/**
 * Renders a report: its article as HTML (the template {@code plan/report-article}, the same for the signed-in preview
 * and the public page) and as PDF (that article in a print page, openhtmltopdf with PDFBox; the chart, drawn by
 * Chart.js on the page, is the table of measures by status in the PDF). The PDF's font is the Liberation Sans that
 * PDFBox ships, which has Latin and Cyrillic letters, so that every edition prints the same way on any machine.
 */
@Component
class ReportRenderer {

    private static final String FONT = "/org/apache/pdfbox/resources/ttf/LiberationSans-Regular.ttf";

    private static final String PRINT_STYLE = """
            @page { size: A4; margin: 18mm 16mm 20mm 16mm;
                @bottom-center { content: counter(page) " / " counter(pages); font-family: 'Liberation Sans';
                font-size: 9pt; color: #555; } }
            body { font-family: 'Liberation Sans'; font-size: 10pt; line-height: 1.35; color: #111; }
            h1 { font-size: 18pt; margin: 0 0 4pt 0; }
            h2 { font-size: 13pt; margin: 14pt 0 4pt 0; border-bottom: 1px solid #999; }
            h3 { font-size: 11pt; margin: 10pt 0 3pt 0; }
            table { border-collapse: collapse; width: 100%; margin: 4pt 0 8pt 0; -fs-table-paginate: paginate; }
            th, td { border: 1px solid #bbb; padding: 2pt 4pt; text-align: left; vertical-align: top; }
            td.number, th.number { text-align: right; }
            thead th { background: #eee; }
            .hint { color: #444; font-size: 9pt; }
            .text { white-space: pre-wrap; }
            """;

    private final ITemplateEngine templates;
    private final org.opennrm.statistics.publishing.CategoryLabels labels;

    ReportRenderer(ITemplateEngine templates, org.opennrm.statistics.publishing.CategoryLabels labels) {
        this.templates = templates;
        this.labels = labels;
    }

    /** The report's article in a language. */
    String article(ReportContent content, Locale locale) {
        return templates.process(
                "plan/report-article", new Context(locale, Map.of("content", content, "labels", labels)));
    }

    /** The article as a PDF document titled {@code title}. */
    byte[] pdf(String article, String title, Locale locale) {
        var document = Jsoup.parse("<!DOCTYPE html><html><head><meta charset=\"utf-8\"><title></title><style>"
                + PRINT_STYLE + "</style></head><body></body></html>");
        document.selectFirst("html").attr("lang", locale.getLanguage());
        document.title(title);
        document.body().html(article);
        document.select(".screen-only").remove();
        var out = new ByteArrayOutputStream();
        try {
            var builder = new PdfRendererBuilder();
            builder.useFastMode();
            builder.useFont(() -> ReportRenderer.class.getResourceAsStream(FONT), "Liberation Sans");
            builder.withW3cDocument(new W3CDom().fromJsoup(document), "/");
            builder.toStream(out);
            builder.run();
        } catch (IOException e) {
            throw new UncheckedIOException("The report could not be printed as PDF", e);
        }
        return out.toByteArray();
    }
}

package org.gongkai.reporting.figures;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.List;

import org.junit.jupiter.api.Test;

/** Exports a clerk can open safely: Chinese headers, and no cell a spreadsheet would run as a formula. */
class FiguresExportTest {

    @Test
    void textCellsThatWouldRunAsFormulasAreNeutralisedButNumbersAreNot() {
        assertThat(FiguresExport.neutralised("=HYPERLINK(\"http://x\")")).isEqualTo("'=HYPERLINK(\"http://x\")");
        assertThat(FiguresExport.neutralised("+1+1")).isEqualTo("'+1+1");
        assertThat(FiguresExport.neutralised("@SUM(A1)")).isEqualTo("'@SUM(A1)");
        assertThat(FiguresExport.neutralised("-cmd")).isEqualTo("'-cmd");
        assertThat(FiguresExport.neutralised("-1.5")).isEqualTo("-1.5");
        assertThat(FiguresExport.neutralised("完成情况")).isEqualTo("完成情况");
        String csv = new String(FiguresExport.csv(List.<String[]>of(new String[] {"workDone", "=1+2"})), StandardCharsets.UTF_8);
        assertThat(csv).contains("指标,代码,数值", "workDone,workDone,'=1+2");
    }
}

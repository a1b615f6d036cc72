/**
 * China's official working-day calendar, used to compute statutory disclosure deadlines such as "publish within
 * 20 working days". Weekends alone are not enough: every year the State Council General Office announces days off
 * ({@code 国务院办公厅关于XXXX年部分节假日安排的通知}) and Saturdays or Sundays that become working days (调休上班日).
 *
 * <p>The data is one text file per year, {@code calendar/cn/<year>.txt}, shipped on the classpath and optionally
 * overridden from an administrator's directory so that a new notice can be applied without a release:
 *
 * <pre>
 * # 国务院办公厅关于2024年部分节假日安排的通知 (国办发明电〔2023〕7号)
 * holiday 2024-02-10..2024-02-17 春节
 * workday 2024-02-04 春节调休
 * </pre>
 *
 * Blank lines and lines starting with {@code #} are ignored. A file may list dates of its own year and of the previous
 * December (the 2023 元旦 holiday started on 2022-12-31).
 */
package org.gongkai.calendar;

package org.policysearch.it;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * Small generated policy texts for batch fault tests: each file a title with its number and eight sentences drawn
 * from a pool (seeded, so every run writes the same bytes), different enough not to be near-duplicates of each
 * other. Two exact copies (one document each, the copy UNCHANGED) and one empty file (REFUSED) come along.
 */
final class BatchFiles {

    private static final String[] SUBJECTS = {
        "乡村振兴", "基层党建", "营商环境", "生态环境保护", "安全生产", "就业创业", "医疗保障", "义务教育", "养老服务", "数字政府",
        "粮食安全", "城市更新", "科技创新", "文化惠民", "防汛抗旱", "农村人居环境", "社会救助", "法治政府", "政务公开", "人才引进"
    };
    private static final String[] ACTIONS = {
        "要坚持问题导向，逐项明确责任单位和完成时限", "各地要结合实际制定具体实施方案并抓好落实", "要加大财政资金投入，统筹使用各类专项资金",
        "要建立健全工作台账，实行清单化管理和闭环推进", "各级党组织要切实履行主体责任，主要负责同志亲自抓", "要强化督查考核，对工作不力的严肃问责",
        "要广泛开展宣传引导，营造全社会共同参与的良好氛围", "要加强部门协同配合，形成上下联动的工作合力", "要注重总结推广典型经验做法，发挥示范带动作用",
        "要深化改革创新，破除制约发展的体制机制障碍", "要坚持以人民为中心，着力解决群众急难愁盼问题", "要统筹发展和安全，守牢不发生系统性风险的底线"
    };

    private BatchFiles() {}

    /** Writes {@code count} distinct documents plus the copies and the empty file; answers every file name. */
    static List<String> write(Path dir, int count, long seed) throws IOException {
        Files.createDirectories(dir);
        Random random = new Random(seed);
        List<String> names = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            StringBuilder text = new StringBuilder();
            String subject = SUBJECTS[random.nextInt(SUBJECTS.length)];
            text.append("关于做好")
                    .append(2000 + seed % 25)
                    .append("年第")
                    .append(i + 1)
                    .append("批")
                    .append(subject)
                    .append("工作的通知\n\n");
            for (int s = 0; s < 8; s++) {
                text.append(SUBJECTS[random.nextInt(SUBJECTS.length)])
                        .append("方面，")
                        .append(ACTIONS[random.nextInt(ACTIONS.length)])
                        .append("，确保第")
                        .append(random.nextInt(1000))
                        .append("项任务在")
                        .append(1 + random.nextInt(12))
                        .append("月底前完成。\n");
            }
            String name = String.format("doc-%04d.txt", i);
            Files.writeString(dir.resolve(name), text, StandardCharsets.UTF_8);
            names.add(name);
        }
        Files.copy(dir.resolve("doc-0000.txt"), dir.resolve("doc-0000-copy.txt"));
        Files.copy(dir.resolve(String.format("doc-%04d.txt", count - 1)), dir.resolve("zz-last-copy.txt"));
        Files.write(dir.resolve("empty.txt"), new byte[0]);
        names.addAll(List.of("doc-0000-copy.txt", "zz-last-copy.txt", "empty.txt"));
        return names;
    }
}

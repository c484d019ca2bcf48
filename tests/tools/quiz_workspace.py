"""A throw-away folder for the progress tests that drive the text-mode player: a course of one
40-question true/false quiz (id "qz"), a progress file path, and an environment that keeps
the player's settings inside the folder. The folder is removed when the test exits."""
import atexit, os, shutil, tempfile

QUESTIONS = 40


def make(prefix, course_id, title):
    work = tempfile.mkdtemp(prefix=prefix)
    atexit.register(shutil.rmtree, work, True)
    course = os.path.join(work, course_id)
    os.makedirs(course)
    questions = "\n".join(
        f'<truefalse id="q{i}" answer="true"><prompt>Affirmation {i}</prompt>'
        f'<explanation>Parce que.</explanation></truefalse>' for i in range(QUESTIONS))
    with open(os.path.join(course, "course.xml"), "w", encoding="utf-8") as f:
        f.write(f'''<?xml version="1.0" encoding="UTF-8"?>
<course id="{course_id}" format="1"><title>{title}</title>
<module id="m" title="M"><quiz id="qz" title="Quiz" attempts="0">{questions}</quiz></module>
</course>''')
    env = dict(os.environ, HOME=work, XDG_CONFIG_HOME=os.path.join(work, "config"))
    return course, os.path.join(work, "progress.db"), env

// xxgk web app: the only script the pages load (the CSP allows no inline script). Upload by drag and drop with a
// progress bar per file; every page works without it.
'use strict';

const STATUS_WORDS = { imported: '已导入', unchanged: '未变化', 'new-version': '新版本', unreadable: '无法读取' };

/** One file's result into its status element: what happened, the reason when unreadable, a link to the report. */
function describe(status, result) {
  status.textContent = STATUS_WORDS[result.status] + (result.error ? '：' + result.error : '');
  if (result.reportId) {
    const link = document.createElement('a');
    link.href = '/reports/' + result.reportId;
    link.textContent = '查看';
    status.append(' ', link);
  }
}

function uploadOne(form, file, row) {
  return new Promise((resolve) => {
    const body = new FormData();
    body.append('files', file, file.name);
    const xhr = new XMLHttpRequest();
    xhr.open('POST', '/api/reports');
    xhr.setRequestHeader('X-CSRF-Token', form.elements._csrf.value);
    xhr.responseType = 'json';
    const bar = row.querySelector('progress');
    const status = row.querySelector('.status-text');
    xhr.upload.onprogress = (e) => { if (e.lengthComputable) bar.value = e.loaded / e.total; };
    xhr.onload = () => {
      bar.value = 1;
      const results = Array.isArray(xhr.response) ? xhr.response : [];
      if (xhr.status === 200 && results.length === 1) {
        describe(status, results[0]);
      } else if (xhr.status === 200 && results.length > 1) {
        // A .zip: one line per member, each with its own result and link.
        status.textContent = '压缩包：' + results.length + ' 个文件';
        const members = document.createElement('ol');
        members.className = 'members';
        for (const result of results) {
          const item = document.createElement('li');
          const text = document.createElement('span');
          text.className = 'status-text';
          item.append(result.name + '：', text);
          describe(text, result);
          members.append(item);
        }
        row.append(members);
      } else {
        status.textContent = '失败：' + ((xhr.response && xhr.response.error && xhr.response.error.message) || xhr.status);
      }
      resolve();
    };
    xhr.onerror = () => { status.textContent = '网络错误'; resolve(); };
    xhr.send(body);
  });
}

async function uploadAll(form, files) {
  const list = form.querySelector('.progress');
  list.replaceChildren();
  const rows = Array.from(files, (file) => {
    const row = document.createElement('li');
    const name = document.createElement('span');
    name.textContent = file.name;
    const cell = document.createElement('span');
    const bar = document.createElement('progress');
    bar.max = 1;
    bar.value = 0;
    const status = document.createElement('span');
    status.className = 'status-text';
    cell.append(bar, status);
    row.append(name, cell);
    list.append(row);
    return row;
  });
  // One at a time: the server reads each in a worker and the bars fill in order.
  for (let i = 0; i < files.length; i++) await uploadOne(form, files[i], rows[i]);
}

document.addEventListener('DOMContentLoaded', () => {
  const form = document.querySelector('form[data-upload]');
  if (!form) return;
  const drop = form.querySelector('.drop');
  const input = form.querySelector('input[type=file]');
  form.addEventListener('submit', (e) => {
    e.preventDefault();
    if (input.files.length) uploadAll(form, input.files);
  });
  drop.addEventListener('dragover', (e) => { e.preventDefault(); drop.classList.add('over'); });
  drop.addEventListener('dragleave', () => drop.classList.remove('over'));
  drop.addEventListener('drop', (e) => {
    e.preventDefault();
    drop.classList.remove('over');
    if (e.dataTransfer.files.length) uploadAll(form, e.dataTransfer.files);
  });
});
